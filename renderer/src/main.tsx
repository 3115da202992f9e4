document.getElementById('root')!.textContent = 'Aftercare';
